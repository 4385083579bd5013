/** Lines longer than this are wrapped where the generated code has a natural break. */
export const WIDTH = 110;

/** Words of `text` in lines of at most `width` characters, each starting with `prefix`. */
export function wrap(text: string, width: number, prefix: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && prefix.length + line.length + word.length + 1 > width) {
      lines.push(prefix + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(prefix + line);
  return lines;
}

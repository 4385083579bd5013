/** Pull structured parts out of a model's free-text answer. */

/** The first fenced block of one of `languages` (or any fenced block), else undefined. */
function fencedBlock(text: string, languages: string[]): string | undefined {
  const blocks = [...text.matchAll(/```([\w-]*)[^\n]*\n([\s\S]*?)```/g)];
  const preferred = blocks.find((match) => languages.includes(match[1].toLowerCase()));
  return (preferred ?? blocks[0])?.[2];
}

/** The JSON object in an answer: a ```json block, or the outermost braces. */
export function extractJson(text: string): unknown {
  const block = fencedBlock(text, ["json"]);
  const candidate = block ?? text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
  if (!candidate.trim()) throw new SyntaxError("the answer contains no JSON object");
  return JSON.parse(candidate);
}

/** The environment source in an answer: a ```ts block, or the whole answer if it looks like code. */
export function extractCode(text: string): string | undefined {
  const block = fencedBlock(text, ["ts", "typescript"]);
  if (block) return block;
  return /defineEnvironment\s*\(/.test(text) ? text : undefined;
}

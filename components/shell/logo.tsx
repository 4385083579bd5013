import { Boxes } from "lucide-react";

export function Logo() {
  return (
    <div className="flex items-center gap-2 font-semibold tracking-tight">
      <span className="grid size-7 place-items-center rounded-md bg-accent text-accent-fg">
        <Boxes size={16} aria-hidden />
      </span>
      EnvFactory Studio
    </div>
  );
}

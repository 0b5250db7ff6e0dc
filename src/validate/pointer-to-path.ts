import type { YamlPath } from "../load/source-document.js";

/** JSON pointer (`/actions/0/owner`) to path (`["actions", 0, "owner"]`). */
export function pointerToPath(pointer: string): YamlPath {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

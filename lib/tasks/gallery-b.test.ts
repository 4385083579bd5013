import { describe } from "vitest";
import { itGeneratesValidTasks } from "./gallery-suite";
import { GALLERY_NAMES, galleryEnvironment } from "./gallery-envs";

// The gallery is split over two files (alternate domains, to balance the work) so that vitest
// runs the halves on two workers.
describe("task generation on the synthesis gallery (second half)", () => {
  for (const name of GALLERY_NAMES.filter((_, i) => i % 2 === 1)) {
    itGeneratesValidTasks(name, () => galleryEnvironment(name));
  }
});

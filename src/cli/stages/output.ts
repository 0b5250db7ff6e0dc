import type { BuildRun } from "./build-run.js";
import type { Stage } from "./run-stages.js";

/**
 * One kind of file the build writes (the site, PDFs, calendars, mail drafts, report.json): a stage of the build
 * that also says which files are its own, so that a deal's removal, a client build and the clean-up know what
 * to remove without a list of their own. The registry is src/cli/stages/outputs.ts.
 */
export interface Output extends Stage<BuildRun> {
  /** Written for a client site too (`build --audience client`); else its files are removed from one. */
  client: boolean;
  /** The file names it writes in a deal's folder, beside the page (`<slug>.pdf`): removed with the deal. */
  dealFiles?: (slug: string) => string[];
  /**
   * Writes only into deals' own folders, each from its own deal: a shard (`build --shard`) runs it for the deals
   * of its slice ({@link BuildRun.inSlice}). Outputs that list several deals (the overview pages, the feeds)
   * leave that part to the build over the merged folders.
   */
  slice?: boolean;
  /** Layout paths it writes at the top of the output folder (`report.json`). */
  files?: readonly string[];
}

// Imported before Eleventy, so that this runs before Eleventy's modules do (imports are evaluated in order).
//
// On Node 20, importing Eleventy 3 registers an ESM loader hook (`module.register`) that busts the import cache of
// JavaScript files its watch mode saw change. protokoll never runs Eleventy's watch mode (`serve` re-renders
// itself) and its templates are Nunjucks, so the hook busts nothing here — but it runs in a thread of its own,
// and every module imported after it, Eleventy's own included, is resolved through that thread: ~0.1 s more per
// build that renders a page. Eleventy's documented switch turns the hook off.
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";

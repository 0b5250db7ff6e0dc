/** Writes `count` synthetic, deterministic deals into `dir` (seeded). */
export function generateDeals(dir: string, count: number, seed?: number): void;

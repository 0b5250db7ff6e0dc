export const HOSTILE_SHAPE_BYTES: number;
export function hostileShapes(bytes?: number): [string, string][];

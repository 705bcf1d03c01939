import type { DemoWorld } from '../../demo/world.js';

/** Adds this concept's part of the demo world (PRODUCT.md's journey made visible). */
export async function seedSupportDemo(_world: DemoWorld): Promise<void> {}

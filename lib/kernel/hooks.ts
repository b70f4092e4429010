/** Kernel hooks: the template helpers every page of the plugin relies on. */
import { registerHelpers } from './templates';

export async function staticAppLoad(): Promise<void> {
	registerHelpers();
	return Promise.resolve();
}

/**
 * The pages layer: what a person sees, composed from several capabilities (the landing page, the Q&A page with
 * its pulse, the directory and competence pages, the profile tab). Capabilities never import it; it declares its
 * pages through lib/platform/pages.ts like every page of the plugin (page and `/api` twin behind the same guard).
 */
import type * as nodebb from '../nodebb';
import { page } from '../platform/pages';
import { LANDING_PATH } from '../platform/routes';
import { DIRECTORY_PATH } from '../competences/routes';
import { QA_PATH } from '../qa';
import { competencePage, directoryPage } from './directory';
import { landingPage } from './landing';
import { profileTab } from './profile';
import { qaPage } from './qa';

export async function staticAppLoad(payload: { router: nodebb.Router; middleware: nodebb.HostMiddleware }): Promise<void> {
	const { router, middleware } = payload;
	page(router, LANDING_PATH, 'public', [], landingPage);
	page(router, QA_PATH, 'members', [], qaPage);
	page(router, DIRECTORY_PATH, 'members', [], directoryPage);
	page(router, `${DIRECTORY_PATH}/:key`, 'members', [], competencePage);
	page(router, '/user/:userslug/competenties', 'members', [middleware.exposeUid, middleware.canViewUsers, middleware.buildAccountData], profileTab);
}

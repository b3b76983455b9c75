import { publicCsrfToken, publicUnauthenticated } from '@sifa/ui';
import { createApiClient } from '@sifa/ui';

/**
 * The portal's API client: public endpoints, the citizen session's CSRF token on writes (kept by @sifa/ui's citizen
 * session). The portal layout hands it to every portal page, the modules' too (`usePortalApi`).
 */
export const publicApi = createApiClient({ csrf: publicCsrfToken, onUnauthenticated: publicUnauthenticated });

// The portal pages' path to the API client (now in @sifa/ui) until they move into their module; the rest of the
// console imports @sifa/ui directly.
export { ApiError, createApiClient, queryString } from '@sifa/ui';

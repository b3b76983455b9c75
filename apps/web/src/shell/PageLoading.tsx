// The portal pages' path to the spinner (now in @sifa/ui) until they move into their module.
export { PageLoading } from '@sifa/ui';

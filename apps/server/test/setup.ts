// Runs before every integration and browser test file (vitest.config.ts setupFiles): the test kit is a package and
// cannot import this app's registry, so the composition root hands it over.
import { registerBusinessModules } from '@sifa/testing';
import { businessModules } from '../src/registry';

registerBusinessModules(businessModules);

import type { TestProject } from 'vitest/node';
import { setupTemplate } from '@sifa/testing/global-setup';
import { businessModules } from '../src/registry';

/** The integration tests' database template, migrated and seeded with this app's business modules. */
export default function setup(project: TestProject) {
  return setupTemplate(project, businessModules);
}

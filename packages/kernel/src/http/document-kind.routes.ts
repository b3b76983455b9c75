import { z } from 'zod';
import { documentKindsOf, type ModuleDefinition } from '../define-module';
import type { SifaApp } from './types';

const DocumentKindInfo = z.object({ kind: z.string(), nameZh: z.string(), nameEn: z.string(), module: z.string() });

/** The kinds of document the registered modules issue (`defineModule({ documentKinds })`), for labels and filters. */
export function documentKindRoutes(app: SifaApp, modules: () => readonly ModuleDefinition[]) {
  const kinds = documentKindsOf(modules());
  app.get(
    '/api/document-kinds',
    {
      config: { permission: 'kernel.matter.read', scopeProbe: { kind: 'unscoped', reason: '文书类型由模块声明，对全平台相同' } },
      schema: { tags: ['附件与文书'], summary: '文书类型 (各模块声明)', response: { 200: z.array(DocumentKindInfo) } },
    },
    () => kinds,
  );
}

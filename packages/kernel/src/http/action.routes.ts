import type { FastifyRequest } from 'fastify';
import type { ModuleDefinition } from '../define-module';
import { createFileStorage, resolveFilesRoot } from '../files/storage';
import { takeAction, type ActionCtx } from '../matters/actions';
import { IdParams } from '../shared/common';
import { Matter } from '../shared/matters';
import { actionPath, actionPermission } from '../shared/workflow';
import { ctxOf } from './context';
import type { ModuleDeps, SifaApp } from './types';

/**
 * The routes of a module's typed actions (ADR 0014), one per action: `POST /api/<module>/<plural>/:id/<action>` with its
 * OpenAPI entry (the module's label as tag, the workflow's label as summary, an operationId), its permission, its scope
 * probe, and act()'s checks and audit entry in one transaction with the handler.
 */
export function registerModuleActions(app: SifaApp, { engine, config }: ModuleDeps, module: ModuleDefinition) {
  const actions = module.actions ?? [];
  if (actions.length === 0) return;
  const files = createFileStorage(resolveFilesRoot({ dataDir: config.dataDir, filesDir: config.filesDir }));
  const publicBaseUrl = config.publicBaseUrl ?? 'http://127.0.0.1:8080';
  const actx = (req: FastifyRequest): ActionCtx => ({ ...ctxOf(req, engine.db), files, publicBaseUrl });
  for (const action of actions) {
    const wf = action.workflow;
    if (wf.module !== module.name) throw new Error(`操作 ${wf.module}.${wf.kind}.${action.name} 不属于模块 ${module.name}`);
    const label = wf.labels.actions[action.name] ?? { zh: action.name, en: action.name };
    app.post(
      actionPath(wf, action.name),
      {
        config: {
          permission: actionPermission(wf, action.name),
          // 'found': a fresh record's status may refuse the action (409), which still proves the route found it.
          scopeProbe: { kind: 'resource', resource: action.probe.resource ?? wf.kind, control: 'found', body: { expectedVersion: 1, ...action.probe.body } },
        },
        schema: {
          tags: [module.labelZh],
          summary: label.zh,
          description: `${label.en}: ${wf.module}.${wf.kind} 工作流操作 (版本号 expectedVersion 为用户所见的版本)`,
          operationId: `${wf.module}.${wf.kind}.${action.name}`,
          params: IdParams,
          body: action.input,
          response: { 200: Matter },
        },
      },
      (req) => takeAction(actx(req), action, req.params.id, req.body),
    );
  }
}

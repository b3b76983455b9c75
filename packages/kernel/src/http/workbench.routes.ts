import { systemClock } from '../deadlines/clock';
import type { ModuleDefinition } from '../define-module';
import { Workbench, WorkbenchItemsPage, WorkbenchItemsQuery, WorkbenchQuery } from '../shared/workbench';
import { getWorkbench, listStage } from '../workbench/workbench.service';
import { ctxOf } from './context';
import type { ModuleDeps, SifaApp } from './types';

const tags = ['工作台'];

/**
 * The workbench 工作台 (ADR 0023): the landing page's counts per stage for the caller's unit and the units under
 * it, its own open matters and the new arrivals; each count opens the list of its matters.
 */
export function workbenchRoutes(app: SifaApp, { engine, clock = systemClock }: ModuleDeps, modules: () => readonly ModuleDefinition[]) {
  const db = engine.db;
  app.get(
    '/api/workbench',
    {
      config: { permission: 'kernel.todo.read', scopeProbe: { kind: 'list' } },
      schema: { tags, summary: '工作台：各环节待办数、我的事项、新到事项', querystring: WorkbenchQuery, response: { 200: Workbench } },
    },
    (req) => getWorkbench(ctxOf(req, db), modules(), clock.today(), req.query.days),
  );
  app.get(
    '/api/workbench/items',
    {
      config: { permission: 'kernel.todo.read', scopeProbe: { kind: 'list', query: { stage: 'accept' } } },
      schema: { tags, summary: '工作台：某一环节的事项 (按数字下钻)', querystring: WorkbenchItemsQuery, response: { 200: WorkbenchItemsPage } },
    },
    (req) => listStage(ctxOf(req, db), modules(), clock.today(), req.query.stage, req.query.page, req.query.pageSize),
  );
}

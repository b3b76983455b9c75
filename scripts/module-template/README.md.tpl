# __en__ __zh__ — `modules/__name__`

Written by `npm run new-module -- __name__`. Everything below is what the starter wrote; replace each TODO with the
line's own (`../shared/MODULES.md` lists what a finished line has), and keep this page true to the code.

## Purpose

TODO: what the line does, for whom, under which statute (file in `../shared/laws/`).

## Layout

| Folder | What is there |
| --- | --- |
| `shared/` | the workflow (`workflow.ts`), input and answer schemas (`schemas.ts`), permissions and grants, deadline rules (`deadlines.ts`), indicators — read by server and console |
| `server/` | `defineModule` (`index.ts`), routes, the service (registration), typed actions (`actions.ts`), the repository (all the module's SQL), scope fixtures, migrations |
| `web/` | the console's pages (`pages/`), the action form, the portal's service guide (`portal/`), the browser test (`test/`) |

## State diagram

```
registered ──accept──▶ accepted ──close──▶ closed
     │
     └──decline──▶ declined
```

`decline` (with the reason) and `close` (with the result) are typed actions with a form; `accept` is a plain action
(the matter page asks for confirmation). Every status × action pair is tested in `shared/workflow.test.ts`.

## Roles and permissions

| Permission | county-staff | office-staff | city-staff | city-leader |
| --- | --- | --- | --- | --- |
| `__name__.case.read` | ✓ | ✓ | ✓ | ✓ |
| `__name__.case.write` (register) | ✓ | ✓ | | |
| `__name__.case.act` (accept, decline, close) | ✓ | ✓ | | |

TODO: the line's own roles (`defineModule({ roles })`, `__name__.<role>`).

## Routes

| Route | Permission | What it does |
| --- | --- | --- |
| `POST /api/__name__/cases` | `__name__.case.write` | registers a case: matter, number, row, handling period, audit — one transaction |
| `GET /api/__name__/cases` | `__name__.case.read` | the list: filters, pages, nearest deadline |
| `GET /api/__name__/cases/export.xlsx` | `__name__.case.read` | the list's rows as Excel (audited) |
| `GET /api/__name__/cases/:id` | `__name__.case.read` | one case |
| `POST /api/__name__/cases/:id/decline` | `__name__.case.act` | 不予受理 with the reason (typed action) |
| `POST /api/__name__/cases/:id/close` | `__name__.case.act` | 办结 with the result (typed action) |
| `POST /api/matters/:id/actions` `accept` | `__name__.case.act` | 受理 (the kernel's plain action) |

Console: `/__name__/cases`, `/__name__/cases/:id`. Portal: `/portal/__name__/guide` (办事指南), in the portal's
service list.

## Deadlines

| Rule | Period | Starts | Article |
| --- | --- | --- | --- |
| `__name__.handling` 办理期限 | 30 days, rolls over holidays | registration | **TODO** — a placeholder (`verified: 'M'`) |

## Indicators (source `__name__.cases`, counted on the registration date)

| Indicator | Formula |
| --- | --- |
| `__name__.close-rate` 办结率 | closed ÷ (accepted + closed) |

## Configurable

The handling period's length (`configurable: ['length']`) and warning, through the deployment's deadline overrides.

## Not built yet

Everything `../shared/MODULES.md` asks beyond the starter: the line's statuses and documents, parties, the portal
application, demo data and import, a dashboard, the benchmark.

import { z } from 'zod';
import type { Kysely } from 'kysely';
import {
  appendAudit,
  AppError,
  checkIdNumber,
  checkUscc,
  createFieldCrypto,
  findUnit,
  maskPhone,
  publicAccountPhone,
  systemAccount,
  type Actor,
  type AuthUser,
  type Database,
  type FieldCrypto,
  type ModuleDeps,
  type PartyCtx,
  type PublicSession,
  type SifaApp,
} from '@sifa/kernel';
import type { FastifyRequest } from 'fastify';
import {
  PortalApplicationInput,
  PortalApplicationResult,
  PortalOffice,
  RatingInput,
  RatingStatus,
  type DisputePartyInput,
  type PortalRespondentInput,
} from '../../shared/schemas';
import { registerDispute } from '../disputes/service';
import { disputeOfPhone, findRating, insertRating, portalOffices } from './portal-repository';

const tags = ['公众服务', '人民调解'];

/** The system account a portal application is registered under; it can never sign in (`active = false`). */
export const PORTAL_USERNAME = 'portal';
const PORTAL_PERMISSIONS: ReadonlySet<string> = new Set(['mediation.dispute.write', 'kernel.party.write']);
/** Statuses in which the mediation has ended and may be rated (人民调解法 第二十八条、第二十六条). */
const RATABLE = ['agreed', 'failed'];

/** The `portal` system account, created on first use under the root unit with no roles and a random password. */
async function portalUser(db: Kysely<Database>): Promise<AuthUser> {
  const { root, ...row } = await systemAccount(db, PORTAL_USERNAME, '网上申请 (系统账号)');
  return {
    id: row.id,
    username: PORTAL_USERNAME,
    displayName: row.displayName,
    orgId: root.id,
    orgName: root.name,
    orgPath: root.path,
    roles: [],
    permissions: PORTAL_PERMISSIONS,
    sessionId: '',
    csrfToken: '',
  };
}

function citizenOf(req: FastifyRequest): PublicSession {
  if (!req.citizen) throw new AppError('PUBLIC_UNAUTHENTICATED');
  return req.citizen;
}

/** The audit names the citizen, never the system account. */
const citizenActor = (req: FastifyRequest, c: PublicSession, orgId: string | null): Actor => ({
  id: c.accountId,
  username: `public:${c.phoneMasked}`,
  orgId,
  requestId: req.id,
  ip: req.ip,
});

/** The blind index of a party's identity, the same way the kernel's party service computes it. */
function identityOf(
  pii: FieldCrypto,
  r: { kind: 'person' | 'organisation'; idType?: string | undefined; idNumber?: string | undefined; uscc?: string | undefined },
) {
  if (r.kind === 'organisation') {
    const code = r.uscc ? checkUscc(r.uscc) : undefined;
    return code?.ok ? { uscc: code.normalised } : undefined;
  }
  const idType = (r.idType ?? 'resident-id') as Parameters<typeof checkIdNumber>[0];
  const id = r.idNumber ? checkIdNumber(idType, r.idNumber) : undefined;
  return id?.ok ? { idType, idIndex: pii.blindIndex('id', id.normalised) } : undefined;
}

const respondentLine = (r: PortalRespondentInput) =>
  `${r.name}${r.kind === 'organisation' ? '（单位' : '（个人'}，未提供${r.kind === 'organisation' ? '统一社会信用代码' : '证件号码'}${r.phone ? `，联系电话 ${maskPhone(r.phone)}` : ''}）`;

/** The public face of people's mediation: apply on the portal, and rate the mediator once the matter is closed. */
export function portalRoutes(app: SifaApp, { engine, dataKey }: ModuleDeps) {
  const db = engine.db;
  const pii = createFieldCrypto(dataKey);

  app.get(
    '/api/public/mediation/offices',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '可申请调解的司法所 (供选择)',
        querystring: z.object({ q: z.string().trim().max(30, '查询内容不超过 30 个字').optional() }),
        response: { 200: z.array(PortalOffice) },
      },
    },
    async (req) => {
      return portalOffices(db, req.query.q);
    },
  );

  app.post(
    '/api/public/mediation/applications',
    {
      config: { citizen: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: { tags, summary: '网上申请人民调解 (群众登录后)', body: PortalApplicationInput, response: { 201: PortalApplicationResult } },
    },
    async (req, reply) => {
      const citizen = citizenOf(req);
      const input = req.body;
      const office = await findUnit(db, input.officeId);
      if (office?.kind !== 'judicial-office') throw new AppError('VALIDATION_FAILED', { first: '请从列表中选择受理的司法所' });
      if (!office.active) throw new AppError('ORG_INACTIVE', { name: office.name });

      const account = await publicAccountPhone(db, pii, citizen.accountId);
      const phone = account.phone;

      const user = await portalUser(db);
      // A registered person is linked, never changed: the phones given stay with this dispute (the applicant tracks it
      // with the account's phone), and no answer depends on what any unit has registered (issue #11 items 3, 4).
      const ctx: PartyCtx = {
        db,
        pii,
        user,
        scope: { orgId: user.orgId, path: user.orgPath },
        actor: citizenActor(req, citizen, office.id),
        now: req.now,
        forCitizen: true,
      };

      const parties: z.infer<typeof DisputePartyInput>[] = [
        {
          kind: 'person',
          name: input.applicant.name,
          idType: input.applicant.idType,
          idNumber: input.applicant.idNumber,
          phone,
          orgId: office.id,
          role: 'applicant',
        },
      ];
      const unidentified: string[] = [];
      for (const r of input.respondents) {
        const identity = identityOf(pii, r);
        if (!identity) {
          unidentified.push(respondentLine(r));
          continue;
        }
        const withPhone = r.phone ? { phone: r.phone } : {};
        parties.push(
          r.kind === 'organisation'
            ? { kind: 'organisation', name: r.name, uscc: r.uscc ?? '', orgId: office.id, role: 'respondent', ...withPhone }
            : {
                kind: 'person',
                name: r.name,
                idType: r.idType ?? 'resident-id',
                idNumber: r.idNumber ?? '',
                orgId: office.id,
                role: 'respondent',
                ...withPhone,
              },
        );
      }
      const description = unidentified.length ? `${input.description}\n\n被申请人：${unidentified.join('；')}` : input.description;

      const matter = await registerDispute(
        ctx,
        {
          orgId: office.id,
          category: input.category,
          source: 'portal',
          summary: input.summary,
          description,
          ...(input.address ? { address: input.address } : {}),
          parties,
        },
        { subscriber: { phone } },
      );
      return reply.code(201).send({ number: matter.number, officeName: office.name });
    },
  );

  /** The dispute of `number` if the citizen's phone is one of its parties' phones. */
  const disputeOfCitizen = async (number: string, accountId: string) => {
    const account = await publicAccountPhone(db, pii, accountId);
    const d = await disputeOfPhone(
      db,
      number.trim().replace(/[()]/g, (c) => (c === '(' ? '〔' : '〕')),
      account.phoneIndex,
    );
    if (!d) throw new AppError('TRACK_NOT_FOUND');
    return d;
  };

  app.get(
    '/api/public/mediation/ratings',
    {
      config: { citizen: true },
      schema: {
        tags,
        summary: '能否评价调解员 (及已给出的评价)',
        querystring: z.object({ number: z.string().trim().min(3, '请输入编号').max(60) }),
        response: { 200: RatingStatus },
      },
    },
    async (req) => {
      const citizen = citizenOf(req);
      const d = await disputeOfCitizen(req.query.number, citizen.accountId);
      const r = await findRating(db, d.id, citizen.accountId);
      return {
        eligible: RATABLE.includes(d.status) && !r,
        rating: r ? { score: r.score, comment: r.comment, createdAt: new Date(r.createdAt).toISOString() } : null,
      };
    },
  );

  app.post(
    '/api/public/mediation/ratings',
    {
      config: { citizen: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: '评价调解员 (调解成功或终止后，每件纠纷一次)', body: RatingInput, response: { 201: RatingStatus } },
    },
    async (req, reply) => {
      const citizen = citizenOf(req);
      const d = await disputeOfCitizen(req.body.number, citizen.accountId);
      if (!RATABLE.includes(d.status)) throw new AppError('CONFLICT', { reason: '调解尚未结束：调解成功或调解终止后才能评价调解员' });
      const comment = req.body.comment ? req.body.comment : null;
      const saved = await db.transaction().execute(async (trx) => {
        const inserted = await insertRating(trx, { disputeId: d.id, accountId: citizen.accountId, score: req.body.score, comment });
        if (!inserted) throw new AppError('CONFLICT', { reason: '您已评价过这件纠纷的调解，每件纠纷只能评价一次' });
        await appendAudit(trx, citizenActor(req, citizen, d.orgId), {
          action: 'mediation.dispute.rate',
          targetType: 'matter',
          targetId: d.id,
          summary: { score: req.body.score },
        });
        return inserted;
      });
      return reply
        .code(201)
        .send({ eligible: false, rating: { score: saved.score, comment: saved.comment, createdAt: new Date(saved.createdAt).toISOString() } });
    },
  );
}

import { certificateListSchema, certificateSchema, mayCertificate, todayIn } from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { renderCalibrationPage } from '../../certificates/documents/render.ts';
import {
  certificatePdf,
  findCertificate,
  recordCertificates,
} from '../../certificates/issue/certificate-queries.ts';
import { issueCertificate } from '../../certificates/issue/issue-certificate.ts';
import { previewCertificate } from '../../certificates/issue/preview-certificate.ts';
import { receiptSlip } from '../../certificates/issue/receipt-slip.ts';
import { recordReceipt } from '../../certificates/issue/record-receipt.ts';
import { ensureOfficeKeys } from '../../certificates/keys/key-store.ts';
import { forbidden } from '../../errors/domain-error.ts';
import { actorOf, answerWrite, idempotencyKey, type RouteDeps, sendWrite } from '../../http/context.ts';
import {
  documentedRoutes,
  pdfResponse,
  problems,
  readAnswers,
  responses,
  writeAnswers,
} from '../../http/responses.ts';
import { etag } from '../../unit-of-work/etag.ts';
import { auditRead, readEvent, runWrite } from '../../unit-of-work/write.ts';
import {
  calibrationQuery,
  certificateParams,
  issueBody,
  previewQuery,
  receiptBody,
  recordParams,
} from './schema.ts';

/** Certificates of records: issue (on a blank or plain paper, signed), list, the PDF, hand-over. */
export async function certificateRoutes(app: FastifyInstance, { config, dbx, files }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'certificates');

  r.post(
    '/records/:id/certificates',
    doc(
      'Issue a certificate of a registered record: the next blank (or the one named), a signed QR code, a signed PDF',
      {
        params: recordParams,
        body: issueBody,
        response: writeAnswers(certificateSchema, 201),
      },
    ),
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = req.params;
      // keys are made on an office's first certificate, outside the issuing transaction
      if (mayCertificate('issue-certificate', actor)) await ensureOfficeKeys(dbx.db, config, actor.officeId);
      const result = await runWrite(
        dbx,
        actor,
        config,
        { key: idempotencyKey(req), fingerprint: ['POST certificates', id, req.body] },
        async (ctx) => {
          const certId = await issueCertificate(ctx, files, id, req.body);
          return { status: 201, body: (await findCertificate(ctx.trx, config, actor, certId)).body };
        },
      );
      reply.header('location', `/api/v1/certificates/${result.body.id}`);
      return sendWrite(reply, result);
    },
  );

  r.get(
    '/records/:id/certificates/preview',
    doc('What a print would make now, marked as a sample (PDF): no blank taken, nothing signed or stored', {
      params: recordParams,
      querystring: previewQuery,
      response: responses({
        200: pdfResponse('The sample print'),
        ...problems(400, 401, 403, 404, 409, 422, 500),
      }),
    }),
    async (req, reply) => {
      const actor = actorOf(req);
      const { mode, document, holder, blankNumber, blankSeries, dxMm, dyMm } = req.query;
      const { pdf, recordId, sealedShown } = await previewCertificate(
        dbx.db,
        config,
        actor,
        req.params.id,
        { mode, document, holder, blankNumber, blankSeries, calibration: { dxMm, dyMm } },
        todayIn(config.timeZone, new Date()),
      );
      await auditRead(dbx, [
        readEvent(actor, sealedShown ? 'certificate.sealed-preview' : 'certificate.preview', recordId, {
          document: document ?? null,
        }),
      ]);
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline; filename="preview.pdf"')
        .send(pdf);
    },
  );

  r.get(
    '/records/:id/certificates',
    doc("A record's certificates: first and repeat ones, superseded and spoiled ones marked", {
      params: recordParams,
      response: readAnswers(certificateListSchema),
    }),
    async (req) => {
      const actor = actorOf(req);
      const { rec, items } = await recordCertificates(dbx.db, config, actor, req.params.id);
      await auditRead(dbx, [readEvent(actor, 'record.certificates', rec.id)]);
      return { items };
    },
  );

  r.get(
    '/certificates/calibration-page',
    doc("A printer test page for a blank, with this printer's offsets (PDF)", {
      querystring: calibrationQuery,
      response: responses({ 200: pdfResponse('The test page'), ...problems(400, 401, 403, 500) }),
    }),
    async (req, reply) => {
      const actor = actorOf(req);
      if (!mayCertificate('issue-certificate', actor)) throw forbidden();
      const { document, dxMm, dyMm } = req.query;
      const pdf = await renderCalibrationPage(document, { dxMm, dyMm });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="calibration-${document}.pdf"`)
        .send(pdf);
    },
  );

  r.get(
    '/certificates/:id',
    doc('One certificate', {
      params: certificateParams,
      response: readAnswers(certificateSchema),
    }),
    async (req) => {
      const actor = actorOf(req);
      const { body } = await findCertificate(dbx.db, config, actor, req.params.id);
      await auditRead(dbx, [readEvent(actor, 'certificate.read', body.recordId, { certificateId: body.id })]);
      return body;
    },
  );

  r.get(
    '/certificates/:id/pdf',
    doc('The signed PDF exactly as issued (application/pdf)', {
      params: certificateParams,
      response: readAnswers(pdfResponse('The signed PDF')),
    }),
    async (req, reply) => {
      const actor = actorOf(req);
      const { row, pdf, sealed } = await certificatePdf(dbx.db, files, config, actor, req.params.id);
      await auditRead(dbx, [
        readEvent(actor, sealed ? 'certificate.sealed-pdf' : 'certificate.pdf', row.record_id, {
          certificateId: row.id,
        }),
      ]);
      return reply
        .type('application/pdf')
        .header('etag', etag(row.pdf_sha256))
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="certificate-${row.id}.pdf"`)
        .send(pdf);
    },
  );

  r.post(
    '/certificates/:id/receipt',
    doc('Record who collected the certificate and their identity document', {
      params: certificateParams,
      body: receiptBody,
      response: writeAnswers(certificateSchema),
    }),
    async (req, reply) => {
      const { id } = req.params;
      return answerWrite({ dbx, config }, req, reply, ['POST receipt', id, req.body], async (ctx) => {
        await recordReceipt(ctx, id, req.body);
        return { status: 200, body: (await findCertificate(ctx.trx, config, ctx.actor, id)).body };
      });
    },
  );

  r.get(
    '/certificates/:id/receipt-slip',
    doc("The hand-over's receipt slip to print for the recipient's and the staff member's signatures (PDF)", {
      params: certificateParams,
      response: responses({
        200: pdfResponse('The receipt slip'),
        ...problems(400, 401, 403, 404, 409, 500),
      }),
    }),
    async (req, reply) => {
      const actor = actorOf(req);
      const { recordId, pdf, sealed } = await receiptSlip(dbx.db, config, actor, req.params.id);
      await auditRead(dbx, [
        readEvent(actor, sealed ? 'certificate.sealed-receipt-slip' : 'certificate.receipt-slip', recordId, {
          certificateId: req.params.id,
        }),
      ]);
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="receipt-${req.params.id}.pdf"`)
        .send(pdf);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { receiptPdf } from '../../fees/receipts/receipt-pdf.ts';
import { actorOf, type RouteDeps } from '../../http/context.ts';
import { documentedRoutes, pdfResponse, problems, responses } from '../../http/responses.ts';
import { etag } from '../../unit-of-work/etag.ts';
import { auditRead, readEvent } from '../../unit-of-work/write.ts';

const entryParams = z.strictObject({ id: z.uuid({ error: 'error.uuid' }) });

/**
 * A fee receipt as a PDF: the office's staff and those above it, in their jurisdiction; a read of
 * personal data (who paid), audited as certificates are.
 */
export async function feeReceiptRoutes(app: FastifyInstance, { config, dbx, files }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'fees');

  r.get(
    '/fees/entries/:id/receipt.pdf',
    doc(
      "The receipt of a payment or a refund (PDF, A5): the office, the payer, the charge's lines, the total in figures and in words in Tajik and Russian, the method and who took it, and a QR code with the receipt's verification code; stored when first printed, the same bytes afterwards",
      {
        params: entryParams,
        response: responses({
          200: pdfResponse('The receipt'),
          ...problems(400, 401, 403, 404, 409, 500),
        }),
      },
    ),
    async (req, reply) => {
      const actor = actorOf(req);
      const { entry, pdf, sha256, stored, sealed } = await receiptPdf(
        dbx.db,
        files,
        config,
        actor,
        req.params.id,
      );
      await auditRead(dbx, [
        readEvent(actor, sealed ? 'fee.sealed-receipt' : 'fee.receipt', entry.record_id, {
          entryId: entry.id,
          receipt: entry.receipt_number,
          sha256,
          ...(stored ? { stored: true } : {}),
        }),
      ]);
      return reply
        .type('application/pdf')
        .header('etag', etag(sha256))
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="receipt-${entry.receipt_number}.pdf"`)
        .send(pdf);
    },
  );
}

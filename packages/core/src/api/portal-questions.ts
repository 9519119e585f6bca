import { z } from 'zod';
import { text } from '../acts/common.ts';
import {
  CANNED_TITLE_MAX,
  QUESTION_STATUSES,
  QUESTION_SUBJECT_MAX,
  QUESTION_TEXT_MAX,
} from '../portal/questions.ts';
import { localizedSchema } from './auth.ts';
import { iso } from './shapes.ts';

/**
 * Questions to staff: a citizen's thread with an office (/api/v1/portal/questions…), the office's
 * inbox in the workspace (/api/v1/questions…) and the canned answers (/api/v1/canned-answers…).
 * Texts are core's free text (no control or invisible character; line breaks in the message only).
 */

const language = z.enum(['tg', 'ru', 'en']);
const subject = text(QUESTION_SUBJECT_MAX, { min: 1 });
const messageText = text(QUESTION_TEXT_MAX, { min: 1, multiline: true });

/** A citizen's new question. */
export const newQuestionSchema = z.strictObject({
  office: z.string().min(2).max(20).describe('the office asked (one of GET /portal/offices)'),
  subject,
  text: messageText,
  language: language.optional().describe('the language answers come in (default: the reader’s)'),
  application: z
    .uuid({ error: 'error.uuid' })
    .optional()
    .describe('the citizen’s online application the question is about, if any'),
});
export type NewQuestion = z.infer<typeof newQuestionSchema>;

/** A citizen's further message in their thread. */
export const questionMessageBodySchema = z.strictObject({ text: messageText });

/** A staff answer: free text, or a canned answer (sent in the thread's language). */
export const questionAnswerBodySchema = z.union([
  z.strictObject({ text: messageText }),
  z.strictObject({ cannedAnswer: z.uuid({ error: 'error.uuid' }) }),
]);
export type QuestionAnswerBody = z.infer<typeof questionAnswerBodySchema>;

export const questionMessageSchema = z
  .object({
    id: z.string(),
    from: z.enum(['citizen', 'staff']),
    text: z.string(),
    at: iso,
    staff: z
      .object({ name: z.string() })
      .nullable()
      .describe('who answered (the workspace only; the citizen sees the office)'),
    cannedAnswer: z.string().nullable().describe('the canned answer sent, if it was one'),
  })
  .describe('A message of a thread');
export type QuestionMessage = z.infer<typeof questionMessageSchema>;

const office = z.object({ id: z.string(), name: localizedSchema });

/** A thread as a list shows it. */
export const questionSummarySchema = z
  .object({
    id: z.string(),
    subject: z.string(),
    status: z.enum(QUESTION_STATUSES),
    language,
    office,
    application: z.string().nullable(),
    createdAt: iso,
    updatedAt: iso,
    waitingSince: iso.nullable().describe('since when the citizen waits for an answer; null when not'),
    messages: z.number().int(),
  })
  .describe('A question thread');
export type QuestionSummary = z.infer<typeof questionSummarySchema>;

export const questionThreadSchema = questionSummarySchema
  .extend({ messages: z.array(questionMessageSchema), closedAt: iso.nullable() })
  .describe('A question thread with its messages, oldest first');
export type QuestionThread = z.infer<typeof questionThreadSchema>;

export const questionListSchema = z
  .object({ items: z.array(questionSummarySchema) })
  .describe('The signed-in citizen’s own questions, latest first');

/** The inbox of an office: one status, the oldest waiting first. */
export const inboxQuerySchema = z.strictObject({
  office: z.string().min(2).max(20).optional().describe('the office (default: your own)'),
  status: z.enum(QUESTION_STATUSES).optional().describe('default: open'),
  after: z.string().max(200).optional().describe('the page token of the previous page'),
});
export const inboxSchema = z
  .object({
    items: z.array(questionSummarySchema),
    counts: z.object({ open: z.number().int(), answered: z.number().int(), closed: z.number().int() }),
    next: z.string().nullable().describe('the token of the next page; null on the last'),
  })
  .describe('An office’s questions of one status: open ones oldest waiting first, the others latest first');
export type Inbox = z.infer<typeof inboxSchema>;

/** A staff member's view of a thread: the thread and the canned answers they may send. */
export const staffQuestionSchema = z
  .object({ thread: questionThreadSchema, canClose: z.boolean(), canAnswer: z.boolean() })
  .describe('A question as its office sees it');
export type StaffQuestion = z.infer<typeof staffQuestionSchema>;

const cannedText = text(QUESTION_TEXT_MAX, { min: 1, multiline: true });
export const cannedAnswerBodySchema = z.strictObject({
  title: text(CANNED_TITLE_MAX, { min: 1 }),
  text: z.strictObject({ tg: cannedText, ru: cannedText, en: cannedText }),
  office: z
    .string()
    .min(2)
    .max(20)
    .nullable()
    .optional()
    .describe('the office it is for; null: every office (the central administrator); default your own'),
  active: z.boolean().optional(),
});
export type CannedAnswerBody = z.infer<typeof cannedAnswerBodySchema>;

export const cannedAnswerSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    text: localizedSchema,
    office: office.nullable().describe('null: for every office'),
    active: z.boolean(),
    updatedAt: iso,
  })
  .describe('An answer kept ready in Tajik, Russian and English');
export type CannedAnswer = z.infer<typeof cannedAnswerSchema>;
export const cannedAnswerListSchema = z
  .object({ items: z.array(cannedAnswerSchema), canManage: z.boolean() })
  .describe('The canned answers of an office (its own and those for every office), by title');
export const cannedAnswerQuerySchema = z.strictObject({
  office: z.string().min(2).max(20).optional().describe('the office (default: your own)'),
  all: z.enum(['true', 'false']).optional().describe('true: the withdrawn ones too'),
});

import type { Role } from '../workflow/roles.ts';

/**
 * Citizens' questions to staff, as rules: who answers an office's questions (its front office, back
 * office, registrar and head; the central administrator for every office), who keeps the canned
 * answers (the head of office for their office, the central administrator for all), and how long a
 * question's parts may be. The server enforces them (portal/questions.ts); the workspace offers its
 * menu entries and buttons by the same functions.
 */
export const QUESTION_STATUSES = ['open', 'answered', 'closed'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** The roles that answer the questions of their own office. */
export const QUESTION_ANSWERERS: readonly Role[] = [
  'front_office',
  'back_office',
  'registrar',
  'head_of_office',
];

/** How far a role reaches in the questions: its own office, every office, or not at all. */
export type QuestionReach = 'office' | 'national' | null;

/** Whether and where this role answers citizens' questions. */
export function questionReach(role: Role): QuestionReach {
  if (role === 'central_admin') return 'national';
  return QUESTION_ANSWERERS.includes(role) ? 'office' : null;
}

/** Whether and where this role keeps the canned answers (national ones: the central administrator's). */
export function cannedAnswerReach(role: Role): QuestionReach {
  if (role === 'central_admin') return 'national';
  return role === 'head_of_office' ? 'office' : null;
}

/** Lengths of a question's parts (characters, after trimming). */
export const QUESTION_SUBJECT_MAX = 150;
export const QUESTION_TEXT_MAX = 4000;
export const CANNED_TITLE_MAX = 100;
/** Messages in one thread: past this the citizen asks a new question. */
export const QUESTION_MESSAGES_MAX = 100;

import { z } from 'zod';

/** A field the request got wrong, its message in the reader's language. */
export const fieldProblemSchema = z.object({
  path: z.string(),
  key: z.string().describe('message key, e.g. error.required'),
  message: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type FieldProblem = z.infer<typeof fieldProblemSchema>;

/**
 * Every error the API answers: RFC 9457 problem+json in the language of Accept-Language. A problem
 * may carry more members (a possible duplicate's `candidates`, a file's `allowed` kinds …).
 */
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    key: z.string().describe('message key, e.g. problem.notFound'),
    detail: z.string().optional(),
    errors: z.array(fieldProblemSchema).optional(),
  })
  .describe('RFC 9457 problem details');

export type ProblemResponse = z.infer<typeof problemSchema>;

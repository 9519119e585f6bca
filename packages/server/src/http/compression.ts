import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Answers of 1 KB and more are sent compressed (brotli, else gzip) to a client that accepts it:
 * the fee rules, lists and the API document are mostly repeated keys, and a citizen on a slow mobile
 * connection waits for every byte. Only what is read (GET and HEAD) is compressed: an answer to a
 * write may carry a secret (a set-up key, recovery codes) beside text the caller chose, the case
 * where the compressed length could give the secret away (BREACH). Request bodies are never
 * decompressed: what a client sends is read as sent, within the body limit. The web app's files
 * come with their own precompressed copies (web/static.ts), which are left as they are.
 */
export async function compressAnswers(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.every((m) => m === 'GET' || m === 'HEAD')) route.compress = false;
  });
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    threshold: 1024,
    encodings: ['br', 'gzip'],
  });
}

/*
 * The baseline of the intake benchmark (`npm run bench -- dossiers`), in its own process: a bare Fastify route that
 * reads the same multipart body as the counter intake (@fastify/multipart, registered as congxa does), buffers its
 * files and writes each one to disk as congxa's file storage does (write, then rename), then answers 303. No
 * session, no CSRF, no validation, no database.
 */
import multipart from '@fastify/multipart';
import Fastify from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = mkdtempSync(join(tmpdir(), 'congxa-bench-bare-'));
mkdirSync(join(root, 'files'), { recursive: true });
const bare = Fastify();
await bare.register(multipart, { throwFileSizeLimit: false });
bare.post('/upload', async (req, reply) => {
  const fields: Record<string, string> = {};
  let files = 0;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const path = join(root, 'files', `${randomBytes(12).toString('base64url')}.pdf`);
      await writeFile(`${path}.part`, await part.toBuffer());
      await rename(`${path}.part`, path);
      files++;
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  return reply.redirect(`/done?files=${files}&fields=${Object.keys(fields).length}`, 303);
});
await bare.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ url: `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/upload` });
process.on('message', () => {
  void bare.close().then(() => {
    rmSync(root, { recursive: true, force: true });
    process.exit(0);
  });
});

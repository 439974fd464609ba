/*
 * The baseline of `npm run bench`, in its own process: a bare Fastify route sending, from memory, the exact bytes
 * congxa served for the home and article pages (BENCH_HOME_URL, BENCH_ARTICLE_URL).
 */
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';

const bytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
const home = await bytes(process.env.BENCH_HOME_URL ?? '');
const article = await bytes(process.env.BENCH_ARTICLE_URL ?? '');

const bare = Fastify();
bare.get('/home', (_req, reply) => reply.type('text/html; charset=utf-8').send(home));
bare.get('/article', (_req, reply) => reply.type('text/html; charset=utf-8').send(article));
await bare.listen({ port: 0, host: '127.0.0.1' });
const port = (bare.server.address() as AddressInfo).port;
process.send?.({
  homeBytes: home.length,
  articleBytes: article.length,
  home: `http://127.0.0.1:${port}/home`,
  article: `http://127.0.0.1:${port}/article`,
});
process.on('message', () => {
  void bare.close().then(() => process.exit(0));
});

// openapi-typescript needs TypeScript 5 (it crashes on TypeScript 7, the project's compiler).
// Preloaded with `node --import`, this resolves its `typescript` imports to the `typescript5`
// devDependency (an alias of typescript@5); everything else keeps TypeScript 7.
import { register } from 'node:module';

const hooks = `export async function resolve(specifier, context, next) {
  if (specifier !== 'typescript') return next(specifier, context);
  return next('typescript5', { ...context, parentURL: ${JSON.stringify(import.meta.url)} });
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

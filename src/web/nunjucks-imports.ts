import nunjucks from 'nunjucks';

type ExportsCallback = (error: Error | null, exported: Record<string, unknown> | null) => void;
type Exporting = nunjucks.Template & {
  getExported(context: unknown, parentFrame?: unknown, callback?: ExportsCallback): void;
};

const reusing = new WeakSet<object>();

/**
 * `{% from "x.njk" import y %}` runs x.njk's top level again on every render, and so does every
 * call of a govuk-frontend macro (each one's template imports `govukAttributes`, and more); the
 * layout alone imports 23 macros. That was about a third of rendering a page. An import without
 * "with context" sees only the globals, so what it exports (macros, which look names up when they
 * are called) is the same every time: keep it with the compiled template. An edited template
 * (development) is loaded as a new Template, so it is imported afresh.
 */
export function reuseImports(env: nunjucks.Environment): void {
  const getTemplate = env.getTemplate.bind(env) as (...args: unknown[]) => nunjucks.Template | undefined;
  (env as unknown as { getTemplate: (...args: unknown[]) => unknown }).getTemplate = (...args: unknown[]) => {
    const at = args.findIndex((arg) => typeof arg === 'function');
    if (at === -1) return reuseExports(getTemplate(...args));
    const callback = args[at] as (error: Error | null, template?: nunjucks.Template) => void;
    args[at] = (error: Error | null, template?: nunjucks.Template) => callback(error, reuseExports(template));
    return getTemplate(...args);
  };
}

function reuseExports<T extends nunjucks.Template | undefined>(template: T): T {
  if (!template || reusing.has(template)) return template;
  reusing.add(template);
  const exporting = template as unknown as Exporting;
  const getExported = exporting.getExported.bind(exporting);
  let exported: Record<string, unknown> | undefined;
  exporting.getExported = (context: unknown, parentFrame?: unknown, callback?: ExportsCallback) => {
    // Only the context-free form, getExported(callback), is the same on every call.
    if (typeof context !== 'function' || parentFrame !== undefined) return getExported(context, parentFrame, callback);
    const done = context as ExportsCallback;
    if (exported) return done(null, exported);
    getExported((error: Error | null, result: Record<string, unknown> | null) => {
      if (!error && result) exported = result;
      done(error, result);
    });
  };
  return template;
}

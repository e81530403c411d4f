import nunjucks from 'nunjucks';

type ExportsCallback = (error: Error | null, exported: Record<string, unknown> | null) => void;
type Exporting = nunjucks.Template & {
  getExported(context: unknown, parentFrame?: unknown, callback?: ExportsCallback): void;
};

type Callback = (error: Error | null, template?: nunjucks.Template) => void;
type GetTemplate = (
  name: unknown,
  eagerCompile?: unknown,
  parentName?: unknown,
  ignoreMissing?: unknown,
  callback?: Callback,
) => nunjucks.Template | undefined;

/**
 * Two things Nunjucks does again on every render, done once here.
 *
 * `{% from "x.njk" import y %}` runs x.njk's top level again each time, and so does every call of
 * a govuk-frontend macro (each one's template imports `govukAttributes`, and more); the layout
 * alone imports 23 macros. An import without "with context" sees only the globals, so what it
 * exports (macros, which look names up when they are called) is the same every time: it is kept
 * with the compiled template. (So a top-level `{% set %}` of such a template, a cycler say, would
 * be shared by every render: keep them out of templates that are imported.) In development, an
 * edit to any template starts every import afresh: a template's macros may use another's.
 *
 * With `templatesFixed` (no watching for edits), the template an include, import or extends names
 * from a given template is also kept: Nunjucks resolves the name ("./template.njk" in every
 * govuk-frontend macro) against each of its folders on every call.
 */
export function reuseImports(env: nunjucks.Environment, options: { templatesFixed: boolean }): void {
  const getTemplate = env.getTemplate.bind(env) as GetTemplate;
  const found = new Map<string, Map<string, nunjucks.Template>>();
  const reuseExports = exportsReuser();
  if (!options.templatesFixed) {
    // Every edit (the loader's 'update') and every fresh start (invalidateCache): import afresh.
    (env as unknown as { on(event: 'update', listener: () => void): void }).on('update', reuseExports.forget);
    const invalidateCache = (env as unknown as { invalidateCache(): void }).invalidateCache.bind(env);
    (env as unknown as { invalidateCache(): void }).invalidateCache = () => {
      reuseExports.forget();
      invalidateCache();
    };
  }
  const lookUp: GetTemplate = (name, eagerCompile, parentName, ignoreMissing, callback) => {
    // Compiled templates call it with all five arguments, the last a callback.
    if (typeof callback !== 'function' || typeof name !== 'string' || typeof parentName !== 'string') {
      return reuseExports(getTemplate(name, eagerCompile, parentName, ignoreMissing, callback));
    }
    const known = found.get(parentName)?.get(name);
    if (known) {
      if (eagerCompile) (known as nunjucks.Template & { compile(): void }).compile();
      callback(null, known);
      return undefined;
    }
    return getTemplate(name, eagerCompile, parentName, ignoreMissing, (error, template) => {
      // Not a missing template's empty stand-in (`ignore missing`): another include may not ignore it.
      if (template && options.templatesFixed && (template as nunjucks.Template & { path?: string }).path) {
        let byName = found.get(parentName);
        if (!byName) found.set(parentName, (byName = new Map()));
        byName.set(name, template);
      }
      callback(error, reuseExports(template));
    });
  };
  (env as unknown as { getTemplate: GetTemplate }).getTemplate = lookUp;
}

/** reuseExports(template) makes the template keep its context-free exports; forget() drops them all. */
function exportsReuser() {
  const reusing = new WeakSet<object>();
  let generation = 0;
  const reuseExports = <T extends nunjucks.Template | undefined>(template: T): T => {
    if (!template || reusing.has(template)) return template;
    reusing.add(template);
    const exporting = template as unknown as Exporting;
    const getExported = exporting.getExported.bind(exporting);
    let kept: { exported: Record<string, unknown>; generation: number } | undefined;
    exporting.getExported = (context: unknown, parentFrame?: unknown, callback?: ExportsCallback) => {
      // Only the context-free form, getExported(callback), is the same on every call.
      if (typeof context !== 'function' || parentFrame !== undefined)
        return getExported(context, parentFrame, callback);
      const done = context as ExportsCallback;
      if (kept?.generation === generation) return done(null, kept.exported);
      const startedIn = generation;
      getExported((error: Error | null, result: Record<string, unknown> | null) => {
        if (!error && result) kept = { exported: result, generation: startedIn };
        done(error, result);
      });
    };
    return template;
  };
  return Object.assign(reuseExports, {
    forget: () => {
      generation += 1;
    },
  });
}

type Frame = { variables: Record<string, unknown>; resolve(name: string, forWrite: boolean): Frame | undefined };
type FrameSet = (this: Frame, name: string, value: unknown, resolveUp?: boolean) => void;
const frames = (nunjucks.runtime as unknown as { Frame: { prototype: { set: FrameSet & { plainNames?: true } } } })
  .Frame.prototype;

/**
 * Nunjucks' Frame#set splits every name on "." (for `loop.index`) before it stores it; it runs
 * for every variable a template or macro sets, hundreds of times a page. A name without a dot is
 * stored as that code would store it, without the split.
 */
export function setPlainNamesDirectly(): void {
  const set = frames.set;
  if (set.plainNames) return;
  const direct: FrameSet & { plainNames?: true } = function (this: Frame, name, value, resolveUp) {
    if (name.includes('.')) return set.call(this, name, value, resolveUp);
    const frame = (resolveUp && this.resolve(name, true)) || this;
    frame.variables[name] = value;
  };
  direct.plainNames = true;
  frames.set = direct;
}

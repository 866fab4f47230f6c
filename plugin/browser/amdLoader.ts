/** Loads a built plugin (dist/<id>/module.js) through an AMD `define` shim handing it the host's shared modules, as Grafana does. */

declare global {
  interface Window {
    define: ((deps: string[], factory: (...modules: unknown[]) => unknown) => void) & { amd?: boolean };
  }
}

export interface PluginModule {
  plugin: any;
}

/** One module at a time: each load installs its own `define`. */
export function loadPlugin(id: string, shared: Record<string, unknown>): Promise<PluginModule> {
  const uri = `/dist/${id}/module.js`;
  return new Promise((resolve, reject) => {
    window.define = (deps, factory) => {
      const missing = deps.filter((dep) => dep !== 'module' && !(dep in shared));
      if (missing.length > 0) {
        reject(new Error(`module.js needs modules the host does not provide: ${missing.join(', ')}`));
        return;
      }
      resolve(factory(...deps.map((dep) => (dep === 'module' ? { uri } : shared[dep]))) as PluginModule);
    };
    window.define.amd = true;
    const script = document.createElement('script');
    script.src = uri;
    script.onerror = () => reject(new Error(`could not load ${uri}`));
    document.head.appendChild(script);
  });
}

export async function pluginMeta(id: string): Promise<any> {
  return (await fetch(`/dist/${id}/plugin.json`)).json();
}

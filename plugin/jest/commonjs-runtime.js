/**
 * jest-runtime that loads every module of the plugin project as CommonJS (ESM sources are turned into CommonJS by
 * the swc transform), even when node runs with --experimental-vm-modules, as the root `npm test` does for the
 * service. Grafana's CommonJS builds require ESM-only packages (marked, d3-*); under that flag jest would refuse
 * to require() them, and Grafana's ESM builds cannot run as native ESM in node (named imports from CommonJS).
 */
const Runtime = require('jest-runtime').default;

class CommonJsRuntime extends Runtime {
  unstable_shouldLoadAsEsm() {
    return false;
  }
}

module.exports = CommonJsRuntime;

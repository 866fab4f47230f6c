// Jest setup provided by Grafana scaffolding
import './.config/jest-setup';

// jsdom has no layout, so nothing is ever observed; Grafana's menus and scroll containers only need these to exist.
class NoLayoutObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
global.IntersectionObserver ??= NoLayoutObserver;
global.ResizeObserver ??= NoLayoutObserver;

// Jest setup provided by Grafana scaffolding
import './.config/jest-setup';
// A 2D context for uPlot (Grafana's Sparkline) instead of the scaffold's empty getContext; the pixels are checked in Chromium.
import 'jest-canvas-mock';

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

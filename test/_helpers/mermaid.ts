import { JSDOM } from 'jsdom';
import type mermaidModule from 'mermaid';

/** Mermaid itself, loaded under jsdom as a browser would run it: for tests that parse diagrams. */
export type Mermaid = typeof mermaidModule;

/** Loads Mermaid under a fresh jsdom window (call it from `beforeAll`). */
export async function loadMermaid(): Promise<Mermaid> {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window, document: window.document });
  const { default: mermaid } = await import('mermaid');
  return mermaid;
}

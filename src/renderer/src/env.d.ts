/// <reference types="vite/client" />
import type { ParallaxBridge } from '../../shared/contract/api';

declare global {
  interface Window {
    /** The one way to the main process, put there by the preload. Used only by src/hooks. */
    readonly api: ParallaxBridge<File>;
  }
}

export {};

import { useEffect, useState } from 'react';
import type { Comparison } from '../../../shared/contract/comparison';
import type { Glance } from '../../../shared/core/glance';
import { glanceOf } from '../lib/glance';

/** The story at a glance of a comparison, or null while a worker is still working it out (lib/glance.ts). */
export function useGlance(comparison: Comparison): Glance | null {
  const [, setArrived] = useState(0);
  const glance = glanceOf(comparison);
  useEffect(() => {
    if (!(glance instanceof Promise)) return undefined;
    let mounted = true;
    void glance.then(() => {
      if (mounted) setArrived((n) => n + 1);
    });
    return () => {
      mounted = false;
    };
  }, [glance]);
  return glance instanceof Promise ? null : glance;
}

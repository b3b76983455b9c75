import { useCallback, useEffect, useState } from 'react';

/** Seconds left until a moment, ticking once a second; `start(n)` begins a new countdown of n seconds. */
export function useCountdown(): [number, (seconds: number) => void] {
  const [until, setUntil] = useState<number>(0);
  const [now, setNow] = useState<number>(() => Date.now());
  useEffect(() => {
    if (until <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [until, now]);
  const start = useCallback((seconds: number) => {
    const at = Date.now();
    setNow(at);
    setUntil(at + seconds * 1000);
  }, []);
  return [Math.max(0, Math.ceil((until - now) / 1000)), start];
}

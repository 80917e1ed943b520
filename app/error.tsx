'use client';
import { ServiceUnavailable } from '@/components/layout/ServiceUnavailable';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ServiceUnavailable digest={error.digest} reset={reset} />;
}

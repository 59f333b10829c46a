// The little of autocannon's API that bench/run.ts uses (the package ships no types).
declare module 'autocannon' {
	interface Histogram {
		average: number;
		mean: number;
		stddev: number;
		min: number;
		max: number;
		total: number;
		p50: number;
		p90: number;
		p99: number;
		[key: string]: number;
	}
	interface Result {
		url: string;
		duration: number;
		errors: number;
		timeouts: number;
		non2xx: number;
		latency: Histogram;
		requests: Histogram & { sent: number };
		throughput: Histogram;
	}
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		pipelining?: number;
		timeout?: number;
		headers?: Record<string, string>;
	}
	export default function autocannon(opts: Options): Promise<Result>;
}

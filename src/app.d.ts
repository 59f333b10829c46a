import type { Actor } from '$lib/server/identity';

declare global {
	namespace App {
		interface Locals {
			actor: Actor | null;
			requestId: string;
		}
		interface Error {
			message: string;
			id?: string;
		}
	}
}

export {};

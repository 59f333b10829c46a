// The guide character. Deployments swap the art by replacing static/kids/guide/nova.svg (one SVG
// with a <view> per pose, so a page loads one small file however many poses it shows) or by
// pointing these paths at their own files, one per pose if they like; the name can be changed here too.
// Alt text and the character's words are Paraglide messages (kids_guide_*), so they translate.
export const GUIDE = {
	/** the character's name, shown in speech bubbles */
	name: 'Nova',
	/** one picture per pose; every pose used by content must be listed (the loader checks) */
	poses: {
		wave: '/kids/guide/nova.svg#wave',
		think: '/kids/guide/nova.svg#think',
		cheer: '/kids/guide/nova.svg#cheer',
		comfort: '/kids/guide/nova.svg#comfort'
	},
	/** intrinsic size of the art, so pages reserve the space */
	width: 120,
	height: 120
} as const;

export type GuidePose = keyof typeof GUIDE.poses;
export const GUIDE_POSES = Object.keys(GUIDE.poses) as GuidePose[];

export function isGuidePose(v: unknown): v is GuidePose {
	return typeof v === 'string' && Object.hasOwn(GUIDE.poses, v);
}

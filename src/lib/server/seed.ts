// Demo content for a first run. Each module adds its own seed here as it arrives; everything
// seeded is marked as demo data and shown as such on screen.
export async function seedDemo(): Promise<void> {
	// The foundation seeds nothing but the admin account (see startup.ts).
}

import { findPosts } from '../modules/posts/posts.repository';
import { findSettings, saveSettings } from '../modules/checkins/checkins.repository';
import { DEFAULT_SETTINGS } from '../modules/checkins/checkins.service';

/** Fix accuracy the demo asks for: a phone's GPS outdoors gives 5–30 m; Wi-Fi positioning indoors 30–100 m. */
const DEMO_MAX_ACCURACY_M = 100;

/**
 * The demo's on-site posts that have coordinates require the lawyer's location at check-in,
 * so the demo shows what a real centre should run with (a code relayed to someone away from
 * the post is refused). Posts whose settings someone already chose are left alone.
 */
export async function requireLocationAtDemoPosts(now: Date): Promise<number> {
  let changed = 0;
  for (const post of await findPosts({ active: 'true' })) {
    if (post.channel !== 'on_site' || !post.location || (await findSettings(post.id))) continue;
    await saveSettings({ _id: post.id, ...DEFAULT_SETTINGS, requireLocation: true, maxAccuracyM: DEMO_MAX_ACCURACY_M, updatedAt: now, updatedBy: 'demo' });
    changed += 1;
  }
  return changed;
}

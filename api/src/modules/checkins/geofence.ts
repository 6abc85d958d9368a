import type { CheckinBody } from '../../contracts/checkins';
import type { Post } from '../../contracts/posts';
import { AppError } from '../../lib/errors';
import type { PostSettings } from './checkin-settings';
import { distanceMetres } from './geo';

/**
 * The distance of a check-in from its post (null without both locations), refusing it where the
 * post requires a location and the check-in's is missing, too imprecise or outside the geofence.
 */
export function checkLocation(post: Post, s: PostSettings, location: CheckinBody['location']): number | null {
  const distance = location && post.location ? Math.round(distanceMetres(post.location, location)) : null;
  if (!s.requireLocation) return distance;
  // Fail closed: a geofence without a centre would accept a check-in from anywhere.
  if (!post.location) throw new AppError('post_location_missing', "The post's coordinates are missing, so its location check cannot be done; tell the centre", 409);
  if (!location) throw new AppError('location_required', 'This post needs your location to check in', 400);
  if (location.accuracyM > s.maxAccuracyM) {
    throw new AppError('location_inaccurate', 'Your location is not precise enough; try again outdoors', 400, { accuracyM: location.accuracyM, maxAccuracyM: s.maxAccuracyM });
  }
  if (distance !== null && distance > post.geofenceRadiusM) {
    throw new AppError('outside_geofence', 'You are too far from the post', 403, { distanceM: distance, radiusM: post.geofenceRadiusM });
  }
  return distance;
}

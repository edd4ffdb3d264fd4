#ifndef KIOSK_BROWSER_POLICY_H
#define KIOSK_BROWSER_POLICY_H
/* The call browser's Chromium managed policy, made from call.allowed_hosts
 * (pure: cJSON only). It keeps the call's window on the allowed hosts and
 * gives the camera and microphone to them alone:
 *   URLBlocklist ["*"] and URLAllowlist one https-only filter per host
 *     ("meet.example.jp" -> "https://.meet.example.jp": that host exactly;
 *     "*.example.jp" -> "https://example.jp": Chromium's filters cannot say
 *     "subdomains only", so example.jp itself is allowed too);
 *   VideoCaptureAllowed / AudioCaptureAllowed false, with
 *     Video/AudioCaptureAllowedUrls for the hosts (content-setting
 *     patterns: "https://meet.example.jp", "https://[*.]example.jp"): no
 *     prompt for them, nothing and no prompt for any other origin;
 *   DefaultPopupsSetting 2 (no pop-ups), DefaultNotificationsSetting 2,
 *   DefaultGeolocationSetting 2, no developer tools, no translation bubble,
 *   no password manager, no sign-in, no downloads.
 * URLBlocklist governs navigations (windows and frames), not the
 * sub-resources (scripts, media, websockets) a meeting page loads from other
 * hosts, so a meeting service's CDN keeps working. */
#include "config.h"

/* The policy as JSON text (indented, a newline at the end), malloc'd into
 * *out (caller frees). Returns 0, or -1 (no memory, or a host entry that is
 * not a host: the config checker refuses those before). */
int browser_policy_json(const struct config *cfg, char **out);
#endif

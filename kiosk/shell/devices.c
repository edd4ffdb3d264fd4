#include "devices.h"

#include <SDL.h>
#include <dirent.h>
#include <string.h>

#include "msg.h"

static int devices_camera(void)
{
    DIR *dir = opendir("/dev");
    if (!dir)
        return 0;
    int found = 0;
    struct dirent *e;
    while (!found && (e = readdir(dir)) != NULL)
        found = strncmp(e->d_name, "video", 5) == 0;
    closedir(dir);
    return found;
}

void devices_refresh(struct devices *d)
{
    int had_cam = d->camera, had_mic = d->microphone;
    d->camera = devices_camera();
    if (!d->audio_ready)
        d->audio_ready = SDL_InitSubSystem(SDL_INIT_AUDIO) == 0;
    d->microphone = d->audio_ready && SDL_GetNumAudioDevices(1) > 0;
    if (d->camera != had_cam || d->microphone != had_mic)
        msg_info("devices: camera %s, microphone %s", d->camera ? "present" : "MISSING",
                 d->microphone ? "present" : "MISSING");
}

int devices_ok_for_call(const struct devices *d) { return d->camera && d->microphone; }

#include "devices.h"

#include <SDL.h>
#include <dirent.h>
#include <stdio.h>
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
    /* SDL's audio only for the count, then let go: left open, the ALSA
     * back-end (no PulseAudio or PipeWire) runs a hotplug thread that wakes
     * ten times a second for as long as the kiosk runs. SDL counts the
     * inits: voice guidance's own keeps audio open while it plays. */
    Uint64 t0 = SDL_GetPerformanceCounter();
    int audio = SDL_InitSubSystem(SDL_INIT_AUDIO) == 0;
    d->microphone = audio && SDL_GetNumAudioDevices(1) > 0;
    const char *driver = audio ? SDL_GetCurrentAudioDriver() : NULL;
    char name[32];
    snprintf(name, sizeof name, "%s", driver ? driver : "no audio");
    if (audio)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    msg_debug("devices: audio (%s) checked and closed in %.1f ms", name,
              (double)(SDL_GetPerformanceCounter() - t0) * 1e3 / (double)SDL_GetPerformanceFrequency());
    if (d->camera != had_cam || d->microphone != had_mic)
        msg_info("devices: camera %s, microphone %s", d->camera ? "present" : "MISSING",
                 d->microphone ? "present" : "MISSING");
}

int devices_ok_for_call(const struct devices *d) { return d->camera && d->microphone; }

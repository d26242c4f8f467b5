/*
 * fake_nvml.c - a stand-in for NVIDIA's libnvidia-ml.so, for tests on hosts without a GPU.
 *
 * The agent's gpu module talks to NVML through nvml-wrapper, which dlopens the library and resolves
 * each symbol lazily. This file implements exactly the symbols that module calls, with NVML's real
 * C ABI (signatures, struct layouts, return codes), and reports one GPU with fixed, distinctive
 * values, so tests can check every field end to end without NVIDIA hardware or drivers.
 *
 * Build: cc -shared -fPIC -o libnvidia-ml.so fake_nvml.c
 *
 * FAKE_NVML_PROCESS_PID: decimal PID of the one compute process to report (using 1 GiB), or up to
 * eight comma-separated PIDs (the first uses 1 GiB, the second 2 GiB, ...). Unset, empty, or any
 * item that is zero or not a plain decimal u32 means no processes. Read on every query, like the
 * real library sees processes come and go.
 *
 * FAKE_NVML_GRAPHICS_PID: the same, for graphics processes (none by default).
 *
 * FAKE_NVML_NOT_SUPPORTED=1: the queries a consumer card or a passively cooled board often lacks
 * return NVML_ERROR_NOT_SUPPORTED: power draw, temperature thresholds, clocks, fan, ECC, throttle
 * reasons and MIG mode. Name, UUID, PCI, utilisation, memory and temperature stay supported.
 */

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Return codes, as in nvml.h (nvmlReturn_t). Only those this stand-in returns. */
typedef enum nvmlReturn_enum {
    NVML_SUCCESS = 0,
    NVML_ERROR_UNINITIALIZED = 1,
    NVML_ERROR_INVALID_ARGUMENT = 2,
    NVML_ERROR_NOT_SUPPORTED = 3,
    NVML_ERROR_INSUFFICIENT_SIZE = 7,
    NVML_ERROR_ARGUMENT_VERSION_MISMATCH = 25,
} nvmlReturn_t;

typedef enum nvmlTemperatureSensors_enum {
    NVML_TEMPERATURE_GPU = 0,
} nvmlTemperatureSensors_t;

/* The handle is an opaque pointer in NVML; ours points at the one fake device. */
typedef struct nvmlDevice_st {
    int unused;
} *nvmlDevice_t;

typedef struct nvmlUtilization_st {
    unsigned int gpu;    /* percent */
    unsigned int memory; /* percent */
} nvmlUtilization_t;

/* Caller sets `version` to NVML_STRUCT_VERSION(Memory, 2) before the call. */
typedef struct nvmlMemory_v2_st {
    unsigned int version;
    unsigned long long total;
    unsigned long long reserved;
    unsigned long long free;
    unsigned long long used;
} nvmlMemory_v2_t;

#define NVML_STRUCT_VERSION(data, ver) (unsigned int)(sizeof(nvml##data##_v##ver##_t) | ((ver) << 24U))
#define nvmlMemory_v2 NVML_STRUCT_VERSION(Memory, 2)

/* The layout nvmlDeviceGetComputeRunningProcesses_v3 fills (nvmlProcessInfo_v2_t in nvml.h). */
typedef struct nvmlProcessInfo_st {
    unsigned int pid;
    unsigned long long usedGpuMemory; /* bytes */
    unsigned int gpuInstanceId;       /* 0xFFFFFFFF when not a MIG device */
    unsigned int computeInstanceId;   /* 0xFFFFFFFF when not a MIG device */
} nvmlProcessInfo_t;

/* nvmlPciInfo_t, as filled by nvmlDeviceGetPciInfo_v3. */
typedef struct nvmlPciInfo_st {
    char busIdLegacy[16];
    unsigned int domain;
    unsigned int bus;
    unsigned int device;
    unsigned int pciDeviceId;
    unsigned int pciSubSystemId;
    char busId[32];
} nvmlPciInfo_t;

#define NVML_TEMPERATURE_THRESHOLD_SHUTDOWN 0
#define NVML_TEMPERATURE_THRESHOLD_SLOWDOWN 1
#define NVML_CLOCK_GRAPHICS 0
#define NVML_CLOCK_SM 1
#define NVML_CLOCK_MEM 2
#define NVML_MEMORY_ERROR_TYPE_CORRECTED 0
#define NVML_MEMORY_ERROR_TYPE_UNCORRECTED 1
#define NVML_CLOCKS_THROTTLE_REASON_SW_POWER_CAP 0x4ULL
#define MAX_PROCESSES 8

#define NVML_VALUE_NOT_AVAILABLE_UINT 0xFFFFFFFFU
#define GIB (1024ULL * 1024ULL * 1024ULL)

static struct nvmlDevice_st the_gpu;

/* NVML counts nvmlInit/nvmlShutdown pairs; queries outside them fail with UNINITIALIZED. */
static atomic_int init_count;

static nvmlReturn_t check_ready(nvmlDevice_t device, const void *out) {
    if (atomic_load(&init_count) <= 0)
        return NVML_ERROR_UNINITIALIZED;
    if (device != &the_gpu || out == NULL)
        return NVML_ERROR_INVALID_ARGUMENT;
    return NVML_SUCCESS;
}

/* Copies a NUL-terminated string into a caller's buffer of `length` bytes, as NVML does. */
static nvmlReturn_t copy_string(char *buffer, unsigned int length, const char *value) {
    if (buffer == NULL)
        return NVML_ERROR_INVALID_ARGUMENT;
    if (strlen(value) + 1 > length)
        return NVML_ERROR_INSUFFICIENT_SIZE;
    memcpy(buffer, value, strlen(value) + 1);
    return NVML_SUCCESS;
}

/*
 * The PIDs listed in `variable` (see the header), stored in `pids`; returns how many, 0 when unset
 * or when any item is not a plain decimal in 1..=UINT_MAX.
 */
static unsigned int listed_pids(const char *variable, unsigned int pids[MAX_PROCESSES]) {
    const char *text = getenv(variable);
    unsigned int count = 0;
    unsigned long long pid = 0;
    int digits = 0;
    if (text == NULL || *text == '\0')
        return 0;
    for (const char *c = text;; c++) {
        if (*c == ',' || *c == '\0') {
            if (digits == 0 || pid == 0 || count == MAX_PROCESSES)
                return 0;
            pids[count++] = (unsigned int)pid;
            pid = 0;
            digits = 0;
            if (*c == '\0')
                return count;
            continue;
        }
        if (*c < '0' || *c > '9')
            return 0;
        pid = pid * 10 + (unsigned long long)(*c - '0');
        digits++;
        if (pid > 0xFFFFFFFFULL)
            return 0;
    }
}

/* Whether FAKE_NVML_NOT_SUPPORTED=1 asks for a device without the optional features. */
static int features_missing(void) {
    const char *text = getenv("FAKE_NVML_NOT_SUPPORTED");
    return text != NULL && strcmp(text, "1") == 0;
}

nvmlReturn_t nvmlInit_v2(void) {
    atomic_fetch_add(&init_count, 1);
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlShutdown(void) {
    /* nvml-wrapper's Drop calls this unconditionally; the symbol must exist. */
    if (atomic_fetch_sub(&init_count, 1) <= 0) {
        atomic_fetch_add(&init_count, 1);
        return NVML_ERROR_UNINITIALIZED;
    }
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length) {
    if (atomic_load(&init_count) <= 0)
        return NVML_ERROR_UNINITIALIZED;
    return copy_string(version, length, "555.42.06");
}

nvmlReturn_t nvmlSystemGetCudaDriverVersion_v2(int *cudaDriverVersion) {
    if (atomic_load(&init_count) <= 0)
        return NVML_ERROR_UNINITIALIZED;
    if (cudaDriverVersion == NULL)
        return NVML_ERROR_INVALID_ARGUMENT;
    *cudaDriverVersion = 12040; /* CUDA 12.4: major * 1000 + minor * 10 */
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *deviceCount) {
    if (atomic_load(&init_count) <= 0)
        return NVML_ERROR_UNINITIALIZED;
    if (deviceCount == NULL)
        return NVML_ERROR_INVALID_ARGUMENT;
    *deviceCount = 1;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device) {
    if (atomic_load(&init_count) <= 0)
        return NVML_ERROR_UNINITIALIZED;
    if (index != 0 || device == NULL)
        return NVML_ERROR_INVALID_ARGUMENT;
    *device = &the_gpu;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length) {
    nvmlReturn_t ready = check_ready(device, name);
    return ready != NVML_SUCCESS ? ready : copy_string(name, length, "Cyberbrain Stand-in GPU");
}

nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length) {
    nvmlReturn_t ready = check_ready(device, uuid);
    return ready != NVML_SUCCESS ? ready
                                 : copy_string(uuid, length, "GPU-00000000-0000-0000-0000-00000000c0de");
}

/* FAKE_NVML_UTILIZATION_DELAY_MS makes a gpu_report slow (the probe at hello does not read
 * utilization), so that tests can kill an agent or a controller while a job is running. */
static void utilization_delay(void) {
    const char *text = getenv("FAKE_NVML_UTILIZATION_DELAY_MS");
    if (text == NULL)
        return;
    long ms = strtol(text, NULL, 10);
    if (ms <= 0 || ms > 600000)
        return;
    struct timespec pause = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&pause, NULL);
}

nvmlReturn_t nvmlDeviceGetUtilizationRates(nvmlDevice_t device, nvmlUtilization_t *utilization) {
    nvmlReturn_t ready = check_ready(device, utilization);
    if (ready != NVML_SUCCESS)
        return ready;
    utilization_delay();
    utilization->gpu = 37;
    utilization->memory = 21;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetMemoryInfo_v2(nvmlDevice_t device, nvmlMemory_v2_t *memory) {
    nvmlReturn_t ready = check_ready(device, memory);
    if (ready != NVML_SUCCESS)
        return ready;
    /* The real library rejects a caller built against another struct layout. */
    if (memory->version != nvmlMemory_v2)
        return NVML_ERROR_ARGUMENT_VERSION_MISMATCH;
    memory->total = 16 * GIB;
    memory->reserved = 0;
    memory->used = 5 * GIB;
    memory->free = memory->total - memory->reserved - memory->used;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetTemperature(nvmlDevice_t device, nvmlTemperatureSensors_t sensorType,
                                      unsigned int *temp) {
    nvmlReturn_t ready = check_ready(device, temp);
    if (ready != NVML_SUCCESS)
        return ready;
    if (sensorType != NVML_TEMPERATURE_GPU)
        return NVML_ERROR_INVALID_ARGUMENT;
    *temp = 61;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetPowerUsage(nvmlDevice_t device, unsigned int *power) {
    nvmlReturn_t ready = check_ready(device, power);
    if (ready != NVML_SUCCESS)
        return ready;
    if (features_missing())
        return NVML_ERROR_NOT_SUPPORTED;
    *power = 123456; /* milliwatts */
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetEnforcedPowerLimit(nvmlDevice_t device, unsigned int *limit) {
    nvmlReturn_t ready = check_ready(device, limit);
    if (ready != NVML_SUCCESS)
        return ready;
    *limit = 300000; /* milliwatts */
    return NVML_SUCCESS;
}

/*
 * NVML's two-call protocol: with too small a buffer (or NULL, as nvml-wrapper first passes to learn
 * the count) it stores the needed count and returns INSUFFICIENT_SIZE; with none running it returns
 * SUCCESS and a count of 0.
 */
static nvmlReturn_t running_processes(const char *variable, nvmlDevice_t device,
                                      unsigned int *infoCount, nvmlProcessInfo_t *infos) {
    nvmlReturn_t ready = check_ready(device, infoCount);
    unsigned int pids[MAX_PROCESSES];
    unsigned int running = listed_pids(variable, pids);
    if (ready != NVML_SUCCESS)
        return ready;
    if (running == 0) {
        *infoCount = 0;
        return NVML_SUCCESS;
    }
    if (infos == NULL || *infoCount < running) {
        *infoCount = running;
        return NVML_ERROR_INSUFFICIENT_SIZE;
    }
    for (unsigned int i = 0; i < running; i++) {
        infos[i].pid = pids[i];
        infos[i].usedGpuMemory = (unsigned long long)(i + 1) * GIB;
        infos[i].gpuInstanceId = NVML_VALUE_NOT_AVAILABLE_UINT;
        infos[i].computeInstanceId = NVML_VALUE_NOT_AVAILABLE_UINT;
    }
    *infoCount = running;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v3(nvmlDevice_t device, unsigned int *infoCount,
                                                     nvmlProcessInfo_t *infos) {
    return running_processes("FAKE_NVML_PROCESS_PID", device, infoCount, infos);
}

nvmlReturn_t nvmlDeviceGetGraphicsRunningProcesses_v3(nvmlDevice_t device, unsigned int *infoCount,
                                                      nvmlProcessInfo_t *infos) {
    return running_processes("FAKE_NVML_GRAPHICS_PID", device, infoCount, infos);
}

nvmlReturn_t nvmlDeviceGetPciInfo_v3(nvmlDevice_t device, nvmlPciInfo_t *pci) {
    nvmlReturn_t ready = check_ready(device, pci);
    if (ready != NVML_SUCCESS)
        return ready;
    memset(pci, 0, sizeof(*pci));
    pci->domain = 0;
    pci->bus = 0x3B;
    pci->device = 0;
    pci->pciDeviceId = 0x20B010DE;
    pci->pciSubSystemId = 0x134F10DE;
    strcpy(pci->busIdLegacy, "0000:3B:00.0");
    strcpy(pci->busId, "00000000:3B:00.0");
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetTemperatureThreshold(nvmlDevice_t device, int thresholdType,
                                               unsigned int *temp) {
    nvmlReturn_t ready = check_ready(device, temp);
    if (ready != NVML_SUCCESS)
        return ready;
    if (features_missing())
        return NVML_ERROR_NOT_SUPPORTED;
    switch (thresholdType) {
    case NVML_TEMPERATURE_THRESHOLD_SHUTDOWN:
        *temp = 95;
        return NVML_SUCCESS;
    case NVML_TEMPERATURE_THRESHOLD_SLOWDOWN:
        *temp = 90;
        return NVML_SUCCESS;
    default:
        return NVML_ERROR_NOT_SUPPORTED;
    }
}

nvmlReturn_t nvmlDeviceGetClockInfo(nvmlDevice_t device, int type, unsigned int *clock) {
    nvmlReturn_t ready = check_ready(device, clock);
    if (ready != NVML_SUCCESS)
        return ready;
    if (features_missing())
        return NVML_ERROR_NOT_SUPPORTED;
    switch (type) {
    case NVML_CLOCK_GRAPHICS:
    case NVML_CLOCK_SM:
        *clock = 1410; /* MHz */
        return NVML_SUCCESS;
    case NVML_CLOCK_MEM:
        *clock = 1215; /* MHz */
        return NVML_SUCCESS;
    default:
        return NVML_ERROR_INVALID_ARGUMENT;
    }
}

nvmlReturn_t nvmlDeviceGetFanSpeed_v2(nvmlDevice_t device, unsigned int fan, unsigned int *speed) {
    nvmlReturn_t ready = check_ready(device, speed);
    if (ready != NVML_SUCCESS)
        return ready;
    if (features_missing())
        return NVML_ERROR_NOT_SUPPORTED;
    if (fan != 0)
        return NVML_ERROR_INVALID_ARGUMENT;
    *speed = 42; /* percent */
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetEccMode(nvmlDevice_t device, int *current, int *pending) {
    nvmlReturn_t ready = check_ready(device, current);
    if (ready != NVML_SUCCESS)
        return ready;
    if (pending == NULL)
        return NVML_ERROR_INVALID_ARGUMENT;
    if (features_missing())
        return NVML_ERROR_NOT_SUPPORTED;
    *current = 1; /* NVML_FEATURE_ENABLED */
    *pending = 1;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetTotalEccErrors(nvmlDevice_t device, int errorType, int counterType,
                                         unsigned long long *eccCounts) {
    nvmlReturn_t ready = check_ready(device, eccCounts);
    (void)counterType;
    if (ready != NVML_SUCCESS)
        return ready;
    if (features_missing())
        return NVML_ERROR_NOT_SUPPORTED;
    switch (errorType) {
    case NVML_MEMORY_ERROR_TYPE_CORRECTED:
        *eccCounts = 3;
        return NVML_SUCCESS;
    case NVML_MEMORY_ERROR_TYPE_UNCORRECTED:
        *eccCounts = 0;
        return NVML_SUCCESS;
    default:
        return NVML_ERROR_INVALID_ARGUMENT;
    }
}

nvmlReturn_t nvmlDeviceGetCurrentClocksThrottleReasons(nvmlDevice_t device,
                                                       unsigned long long *reasons) {
    nvmlReturn_t ready = check_ready(device, reasons);
    if (ready != NVML_SUCCESS)
        return ready;
    if (features_missing())
        return NVML_ERROR_NOT_SUPPORTED;
    *reasons = NVML_CLOCKS_THROTTLE_REASON_SW_POWER_CAP;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetMigMode(nvmlDevice_t device, unsigned int *currentMode,
                                  unsigned int *pendingMode) {
    nvmlReturn_t ready = check_ready(device, currentMode);
    if (ready != NVML_SUCCESS)
        return ready;
    if (pendingMode == NULL)
        return NVML_ERROR_INVALID_ARGUMENT;
    if (features_missing())
        return NVML_ERROR_NOT_SUPPORTED;
    *currentMode = 0; /* NVML_DEVICE_MIG_DISABLE */
    *pendingMode = 0;
    return NVML_SUCCESS;
}

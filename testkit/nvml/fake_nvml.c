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
 * FAKE_NVML_PROCESS_PID: decimal PID of the one compute process to report (using 1 GiB). Unset,
 * empty, zero, or not a plain decimal u32 means no processes. Read on every query, like the real
 * library sees processes come and go.
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

/* The PID from FAKE_NVML_PROCESS_PID, or 0 when unset or not a plain decimal in 1..=UINT_MAX. */
static unsigned int process_pid(void) {
    const char *text = getenv("FAKE_NVML_PROCESS_PID");
    unsigned long long pid = 0;
    if (text == NULL || *text == '\0')
        return 0;
    for (const char *c = text; *c != '\0'; c++) {
        if (*c < '0' || *c > '9')
            return 0;
        pid = pid * 10 + (unsigned long long)(*c - '0');
        if (pid > 0xFFFFFFFFULL)
            return 0;
    }
    return (unsigned int)pid;
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
nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v3(nvmlDevice_t device, unsigned int *infoCount,
                                                     nvmlProcessInfo_t *infos) {
    nvmlReturn_t ready = check_ready(device, infoCount);
    unsigned int pid = process_pid();
    unsigned int running = pid != 0 ? 1 : 0;
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
    infos[0].pid = pid;
    infos[0].usedGpuMemory = 1 * GIB;
    infos[0].gpuInstanceId = NVML_VALUE_NOT_AVAILABLE_UINT;
    infos[0].computeInstanceId = NVML_VALUE_NOT_AVAILABLE_UINT;
    *infoCount = running;
    return NVML_SUCCESS;
}

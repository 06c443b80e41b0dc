package pingone

import (
	"bytes"
	"image"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
)

// Binary resources: uploaded images and integration kits. Their bytes are
// served from B/__files/..., standing in for PingOne's uploads host and the
// presigned download URL the catalog redirects to.

const maxImageBytes = 2 << 20 // the workflow library's 2 MB limit

type imageRec struct {
	id, envID, typ string
	width, height  int
	data           []byte
	createdAt      time.Time
	seq            int64
}

type assetRec struct {
	name    string
	data    []byte
	expires time.Time
}

// createImage serves POST /images: the image as the raw body with an
// image/* Content-Type and a Content-Disposition, or as the "file" part of
// multipart/form-data.
func (s *Server) createImage(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	st := s.more()
	data, ok := readImage(w, r)
	if !ok {
		return
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "file", Message: "The file must be a PNG, JPG or GIF image"})
		return
	}
	if format == "jpeg" {
		format = "jpg"
	}
	img := &imageRec{id: newID(), envID: env.id, typ: format, width: cfg.Width, height: cfg.Height, data: data, createdAt: s.now(), seq: s.next()}
	st.images[img.id] = img
	writeHAL(w, http.StatusCreated, imageJSON(img, base))
}

// imageItem reads (GET) and deletes (DELETE) an image.
func (s *Server) imageItem(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	st := s.more()
	img := st.images[r.PathValue("imageID")]
	switch {
	case img == nil || img.envID != env.id:
		writeNotFound(w)
	case r.Method == http.MethodDelete:
		delete(st.images, img.id)
		w.WriteHeader(http.StatusNoContent)
	default:
		writeHAL(w, http.StatusOK, imageJSON(img, base))
	}
}

func readImage(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var src io.Reader
	switch {
	case mt == "multipart/form-data":
		if err := r.ParseMultipartForm(maxImageBytes + 1<<20); err != nil {
			writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, nil)
			return nil, false
		}
		f, _, err := r.FormFile("file")
		if err != nil {
			writeInvalidData(w, detail{Code: "REQUIRED_VALUE", Target: "file", Message: "must not be empty"})
			return nil, false
		}
		defer f.Close()
		src = f
	case strings.HasPrefix(mt, "image/"):
		src = r.Body
	default:
		writeError(w, http.StatusUnsupportedMediaType, "INVALID_REQUEST", msgMediaType, []detail{{Code: "INVALID_VALUE", Target: "Content-Type",
			Message: "Content-Type must be image/png, image/jpg, image/gif or multipart/form-data"}})
		return nil, false
	}
	data, err := io.ReadAll(io.LimitReader(src, maxImageBytes+1))
	if err != nil {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, nil)
		return nil, false
	}
	if len(data) > maxImageBytes {
		writeInvalidData(w, detail{Code: "SIZE_LIMIT_EXCEEDED", Target: "file", Message: "The image must not be larger than 2 MB"})
		return nil, false
	}
	if len(data) == 0 {
		writeInvalidData(w, detail{Code: "REQUIRED_VALUE", Target: "file", Message: "must not be empty"})
		return nil, false
	}
	return data, true
}

func imageJSON(img *imageRec, base string) map[string]any {
	root := strings.TrimSuffix(base, "/v1")
	return map[string]any{
		"_links":      map[string]any{"self": link(base + "/environments/" + img.envID + "/images/" + img.id), "environment": link(base + "/environments/" + img.envID)},
		"id":          img.id,
		"environment": ref(img.envID),
		"targets": map[string]any{"original": map[string]any{
			"id":     img.id,
			"href":   root + "/__files/environments/" + img.envID + "/images/" + img.id + "_original." + img.typ,
			"type":   img.typ,
			"width":  img.width,
			"height": img.height,
		}},
		"createdAt": ts(img.createdAt),
	}
}
